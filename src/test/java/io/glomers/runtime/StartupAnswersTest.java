package io.glomers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupAnswersTest {

    private static final String INIT = "{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,\"node_id\":\"n1\",\"node_ids\":[\"n0\",\"n1\"]}}";
    private static final String TOPOLOGY = "{\"src\":\"c1\",\"dest\":\"n1\",\"body\":{\"type\":\"topology\",\"msg_id\":2,\"topology\":{\"n0\":[\"n1\"],\"n1\":[]}}}";

    private final StartupAnswers answers = new StartupAnswers();

    @Test
    void answersTheFirstInitThenTopologyAsTheirHandlersWould() {
        assertThat(answers.answer(INIT)).isEqualTo(new StartupAnswers.Answer(StartupAnswers.Handshake.INIT,
                "{\"src\":\"n1\",\"dest\":\"c0\",\"body\":{\"type\":\"init_ok\",\"in_reply_to\":1}}"));
        assertThat(answers.answer(TOPOLOGY)).isEqualTo(new StartupAnswers.Answer(StartupAnswers.Handshake.TOPOLOGY,
                "{\"src\":\"n1\",\"dest\":\"c1\",\"body\":{\"type\":\"topology_ok\",\"in_reply_to\":2}}"));
        assertThat(answers.answer(TOPOLOGY.replace("\"msg_id\":2", "\"msg_id\":3"))).as("a second topology is its handler's").isNull();
    }

    @Test
    void leavesEverythingElseToTheHandlers() {
        assertThat(answers.answer(TOPOLOGY)).as("topology before init: error 11 is the handler's").isNull();
        assertThat(answers.answer(INIT.replace("\"node_id\":\"n1\"", "\"node_id\":\"n7\""))).as("a stranger's init").isNull();
        assertThat(answers.answer(INIT.replace("\"msg_id\":1,", ""))).as("no msg_id").isNull();
        assertThat(answers.answer(INIT.replace("\"msg_id\":1", "\"msg_id\":1.5"))).as("a fractional msg_id").isNull();
        assertThat(answers.answer(INIT.replace("[\"n0\",\"n1\"]", "[\"n0\",\"n1\",3]"))).as("a number among node_ids").isNull();
        assertThat(answers.answer("{not json")).isNull();
        assertThat(answers.answer(INIT.substring(0, INIT.indexOf("[\"n0\"") + 6))).as("cut off inside node_ids").isNull();
        assertThat(answers.answer(INIT + " {}")).as("two values on one line").isNull();
        assertThat(answers.answer("[1,2]")).isNull();
        assertThat(answers.answer("{\"src\":\"c0\",\"body\":{\"type\":\"init\",\"msg_id\":1}}")).as("no dest").isNull();

        assertThat(answers.answer(INIT)).isNotNull();
        assertThat(answers.answer(INIT.replace("\"msg_id\":1", "\"msg_id\":9"))).as("a second init").isNull();
        assertThat(answers.answer(TOPOLOGY.replace("[\"n1\"]", "[null]"))).as("a null neighbour").isNull();
        assertThat(answers.answer(TOPOLOGY.replace("[\"n1\"]", "\"n1\""))).as("neighbours not a list").isNull();
        assertThat(answers.answer(TOPOLOGY.replace("{\"n0\":[\"n1\"],\"n1\":[]}", "null"))).as("no topology").isNull();
        assertThat(answers.answer("{\"src\":\"c2\",\"dest\":\"n1\",\"body\":{\"type\":\"broadcast\",\"msg_id\":3,\"message\":4}}")).isNull();
    }
}
