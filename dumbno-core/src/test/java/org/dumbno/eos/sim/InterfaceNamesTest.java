package org.dumbno.eos.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceNamesTest {

    @Test
    void rangeExpandsInOrder() {
        assertEquals(List.of("Ethernet1", "Ethernet2", "Ethernet3"), InterfaceNames.expand("Ethernet1-3"));
    }

    @Test
    void listsMixNamesAndRanges() {
        assertEquals(List.of("Ethernet1", "Ethernet2", "Ethernet7", "Port-Channel10"),
                InterfaceNames.expand("Ethernet1-2,Ethernet7, Port-Channel10"));
    }

    @Test
    void laterItemsMayOmitTheType() {
        assertEquals(List.of("Ethernet1", "Ethernet2", "Ethernet5"), InterfaceNames.expand("Ethernet1-2,5"));
    }

    @Test
    void sixteenPorts() {
        assertEquals(16, InterfaceNames.expand("Ethernet1-16").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ethernet3-1", "1-3", "Ethernet", "Ethernet1-99999", "Eth/1"})
    void badSpecsAreRefused(String spec) {
        assertThrows(IllegalArgumentException.class, () -> InterfaceNames.expand(spec));
    }
}
