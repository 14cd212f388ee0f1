/**
 * TLS cipher suites the CIS Kubernetes Benchmark accepts for the API server and the kubelet:
 * AEAD suites with forward secrecy (TLS 1.3 suites and ECDHE with AES-GCM or ChaCha20-Poly1305).
 */
export const STRONG_CIPHER_SUITES: ReadonlySet<string> = new Set([
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
]);

/** The suites of a list that are not strong, in list order. */
export function weakCipherSuites(suites: readonly string[]): string[] {
  return suites.filter((suite) => !STRONG_CIPHER_SUITES.has(suite));
}

/** Suite lists for examples: one that mixes in a CBC suite, and one of strong suites only. */
export const EXAMPLE_CIPHER_SUITES = {
  weak: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA'],
  strong: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
} as const;
