/**
 * Demo mode: a demo CA, two organisations, their holders and real certificates, created at first
 * start so that a newcomer can try every flow in a browser. Never active unless switched on.
 */
package org.certrevoke.demo.control;
