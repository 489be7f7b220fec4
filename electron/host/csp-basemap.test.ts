import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, cspWithBasemap } from './csp.js';

describe('the CSP and the optional online basemap', () => {
  it('names no remote host while the basemap is off', () => {
    expect(cspWithBasemap(null)).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https:/);
  });
  it('allows only the basemap tile host, for images and fetches, when switched on', () => {
    const csp = cspWithBasemap('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/tile\.openstreetmap\.org;/);
    expect(csp).toMatch(/connect-src 'self' https:\/\/tile\.openstreetmap\.org;/);
    expect(csp).toMatch(/script-src 'self';/);
  });
  it('refuses a non-https or malformed template', () => {
    expect(cspWithBasemap('http://tiles.example/{z}/{x}/{y}.png')).toBe(CONTENT_SECURITY_POLICY);
    expect(cspWithBasemap('not a url')).toBe(CONTENT_SECURITY_POLICY);
  });
});
