package org.dumbno.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.dumbno.client.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code op} key: add when absent, remove when asked, both ways through the wire format. */
class OrderTest {

    private static Order parse(String json) {
        return Order.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"src": "10.0.0.1"}                        | ADD
            {"op": null, "src": "10.0.0.1"}            | ADD
            {"op": "", "src": "10.0.0.1"}              | ADD
            {"op": "add", "src": "10.0.0.1"}           | ADD
            {"op": "remove", "src": "10.0.0.1"}        | REMOVE
            {"src": "10.0.0.1", "op": "REMOVE"}        | REMOVE
            """)
    void theOpIsReadBesideTheFlow(String json, Op op) {
        Order order = parse(json);

        assertEquals(op, order.op());
        assertEquals(Request.of("10.0.0.1", null, null, null, null), order.request());
        assertEquals(order.request(), Request.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ADD    | {"src":"10.0.0.1","dst":null,"proto":"tcp","sport":null,"dport":443}
            REMOVE | {"op":"remove","src":"10.0.0.1","dst":null,"proto":"tcp","sport":null,"dport":443}
            """)
    void anAddIsSentAsEverAndARemovalSaysSo(Op op, String json) {
        Order order = new Order(op, Request.of("10.0.0.1", null, "tcp", null, 443));

        assertEquals(json, order.toJson());
        assertEquals(order, parse(json));
    }
}
