/**
 * The registration-authority REST API under {@code /api/v1}: the CA's issuing system registers
 * organisations and certificates and revokes certificates. Bearer API keys, RFC 9457 problems for every
 * refusal, every call audited.
 */
package org.certrevoke.registry.api;
