package org.certrevoke.security.control;

/**
 * The two budgets one kind of proof spends: failures against one subject (a holder, an organisation
 * identifier), which lock that subject and tell its owner, and failures from one client address,
 * whoever they were aimed at.
 */
public record ProofLimits(ThrottlePolicy perSubject, ThrottlePolicy perAddress) {
}
