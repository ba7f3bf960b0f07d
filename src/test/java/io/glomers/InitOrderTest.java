package io.glomers;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.testing.NodeStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node that holds nothing answers {@code init} before it greets its peers: Maelstrom times
 * {@code init_ok}. (The adaptive overlay's hold: {@code NodeProtocolTest}.)
 */
@SpringBootTest(properties = "broadcast.strategy=star")
@ContextConfiguration(initializers = NodeStreams.Initializer.class)
class InitOrderTest {

    @Autowired
    NodeStreams node;

    @Autowired
    JsonMapper mapper;

    @Test
    void answersInitBeforeGreetingItsPeers() {
        // n1 is the hub of n1..n3 and greets both spokes once initialised: init_ok must come first.
        node.send("{\"src\":\"c0\",\"dest\":\"n1\",\"body\":{\"type\":\"init\",\"msg_id\":1,"
                + "\"node_id\":\"n1\",\"node_ids\":[\"n1\",\"n2\",\"n3\"]}}");
        List<JsonNode> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(mapper.readTree(node.nextLine(Duration.ofSeconds(5))));
        }
        assertThat(lines).extracting(line -> line.get("body").get("type").asString())
                .containsExactly("init_ok", "gossip", "gossip");
        assertThat(lines.subList(1, 3)).extracting(line -> line.get("dest").asString())
                .containsExactlyInAnyOrder("n2", "n3");
    }
}
