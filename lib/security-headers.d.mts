/** Types of lib/security-headers.mjs (a plain module so next.config.mjs and scripts can import it). */
export declare const FIXED_HEADERS: { key: string; value: string }[];
export declare function contentSecurityPolicy(hashes: readonly string[]): string;
export declare const CSP_MANIFEST: string;
