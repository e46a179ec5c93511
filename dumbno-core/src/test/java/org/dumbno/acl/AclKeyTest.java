package org.dumbno.acl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ACL names EOS accepts: the one rule the configuration and the simulated switch both apply. */
class AclKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"bulk_1", "B", "shunt.v4-1", "a23456789012345678901234567890123456789012345678901234567890"
            + "1234567890123456789012345678901234567890"})
    void namesEosAccepts(String name) {
        assertTrue(AclKey.isValidName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1bulk", "_bulk", "bulk/1", "bulk:1", "bulk!", "bulk;x", "bulk 1",
        "a2345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"})
    void namesEosRefuses(String name) {
        assertFalse(AclKey.isValidName(name), name);
    }
}
