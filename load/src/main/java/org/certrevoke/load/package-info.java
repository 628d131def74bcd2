/**
 * A registry of a real CA's size, written straight into the database: organisations, their legal
 * representatives, holders with their questions and certificates, as the application writes them when
 * the registration authority registers them, but a million in minutes instead of days (registering
 * through the API costs four Argon2id hashes per new holder). Every benchmark and load test that needs a
 * large registry takes it from here, with the credentials of a sample of it.
 */
package org.certrevoke.load;
