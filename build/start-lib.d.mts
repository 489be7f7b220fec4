// Types for build/start-lib.mjs (plain JavaScript so it runs before anything is built).
export interface Bilingual {
  ko: string;
  en: string;
}
export declare const MESSAGES: Record<'usage' | 'building' | 'downloading' | 'downloadFailed' | 'fallback', Bilingual>;
export declare const REASONS: Record<'browserRequested' | 'noDisplay' | 'notInstalled' | 'root' | 'electronFailed' | 'skipDownload' | 'offline' | 'downloadFailed', Bilingual>;
export interface StartArgs {
  dataDir?: string;
  port?: number;
  browser: boolean;
  open: boolean;
}
export declare function parseStartArgs(argv: string[]): StartArgs | { error: string };
export declare const REQUIRED_DIST: string[];
export declare function missingDist(root: string, exists: (file: string) => boolean): string[];
export declare function electronPlatformPath(platform: string): string;
export declare function findElectronBinary(ctx: {
  electronDir: string | null;
  env: Record<string, string | undefined>;
  platform: string;
  exists: (file: string) => boolean;
  readText: (file: string) => string | null;
}): string | null;
export declare function hasDisplay(platform: string, env: Record<string, string | undefined>): boolean;
export declare function downloadPlan(env: Record<string, string | undefined>): { try: false; reason: 'skipDownload' } | { try: true; url: string; host: string };
export declare function probeReachable(url: string, timeoutMs?: number): Promise<boolean>;
export declare function bilingual(m: Bilingual, vars?: Record<string, string>): string;
