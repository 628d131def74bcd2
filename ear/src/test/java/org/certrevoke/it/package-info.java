/** What the integration tests share: the deployment, the browser, the test mail server. */
package org.certrevoke.it;
