import { describe, expect, it } from 'vitest';
import { externalBrowserUrl, isAppUrl, navigationDecision, refuseApiCall, subframeAllowed } from './policy.js';

describe('isAppUrl', () => {
  it('accepts only app://desk pages', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk/index.html#/cases/1')).toBe(true);
    for (const url of ['app://other/index.html', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://user:pw@desk/', 'about:blank', '', undefined, null, 'not a url']) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('subframeAllowed', () => {
  it('lets iframes show our pages and our own blob: documents only', () => {
    expect(subframeAllowed('app://desk/preview.html')).toBe(true);
    expect(subframeAllowed('blob:app://desk/0b6f3c1e-2f7a-4a55-9d55-0a3c0f1f2a11')).toBe(true);
    expect(subframeAllowed('about:blank')).toBe(true);
    expect(subframeAllowed('blob:https://evil.example/0b6f3c1e')).toBe(false);
    expect(subframeAllowed('https://evil.example/')).toBe(false);
    expect(subframeAllowed('data:text/html,<script>alert(1)</script>')).toBe(false);
  });
});

describe('links that may open in the OS browser', () => {
  it('lets public http(s) pages through', () => {
    expect(externalBrowserUrl('https://www.seoul.go.kr/main/index.jsp')).toBe('https://www.seoul.go.kr/main/index.jsp');
    expect(externalBrowserUrl('http://rtms.molit.go.kr/')).toBe('http://rtms.molit.go.kr/');
  });

  it('keeps other schemes, this machine and the local network out', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-settings:privacy',
      'http://127.0.0.1:8080/api/clients.list',
      'http://localhost:3000/',
      'http://app.localhost/',
      'http://[::1]/',
      'http://0.0.0.0/',
      'http://192.168.0.1/admin',
      'http://10.1.2.3/',
      'http://172.20.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://router/',
      'https://user:pass@example.com/',
      `https://example.com/${'a'.repeat(2100)}`,
    ]) {
      expect(externalBrowserUrl(url), url).toBeNull();
    }
  });

  it('denies every navigation of the window and sends only external links to the browser', () => {
    expect(navigationDecision('app://desk/index.html')).toEqual({ action: 'deny' });
    expect(navigationDecision('https://evil.example/phish')).toEqual({ action: 'open-external', url: 'https://evil.example/phish' });
    expect(navigationDecision('file:///etc/passwd')).toEqual({ action: 'deny' });
  });
});

describe('main gate in front of the backend', () => {
  it('lets an API method from our page through', () => {
    expect(refuseApiCall('app://desk/index.html', 'clients.list')).toBeNull();
  });

  it('refuses callers that are not our page', () => {
    for (const sender of ['https://evil.example/', 'file:///tmp/x.html', undefined, null]) {
      expect(refuseApiCall(sender, 'clients.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses methods outside the API, including prototype names', () => {
    for (const method of ['fs.readFile', 'toString', '__proto__', 42, null]) {
      const r = refuseApiCall('app://desk/index.html', method);
      expect(r, String(method)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(r!.ok === false && r!.error.message.ko.length > 0).toBe(true);
    }
  });
});
