package com.verdict;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Signs the test thread out after every test, so that a user one test signed in (for a service or a view)
 * never rides along on the next test's requests.
 */
public class SignOutAfterEachTest implements TestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        SecurityContextHolder.clearContext();
        TestSecurityContextHolder.clearContext();
    }
}
