/** What the enterprise area keeps between the steps of a legal representative's login: the e-mailed codes. */
package org.certrevoke.enterprise.entity;
