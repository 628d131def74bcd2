/**
 * The registry: organisations, their legal representatives, holders and the certificates the CA
 * issued to them. A certificate owns its revocation state and refuses to be revoked twice.
 */
package org.certrevoke.registry.entity;
