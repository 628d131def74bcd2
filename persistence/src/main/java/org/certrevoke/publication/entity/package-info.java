/** What has been published about the CAs' certificates: the latest CRL of each CA. */
package org.certrevoke.publication.entity;
