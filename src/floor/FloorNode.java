import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The start-up floor for issue #5: the same protocol (init, topology, broadcast, read) as a plain
 * Java main with Jackson 3 and no Spring, run with the launcher's JVM flags and its own AOT cache
 * (bin/startup-floor). Not part of the product; it shows what Spring costs at start-up.
 */
public class FloorNode {
    public static void main(String[] args) throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        TreeSet<Long> messages = new TreeSet<>();
        String line;
        while ((line = in.readLine()) != null) {
            JsonNode message;
            try {
                message = mapper.readTree(line);
            } catch (RuntimeException e) {
                System.err.println("not JSON: " + line);
                continue;
            }
            JsonNode body = message.get("body");
            ObjectNode reply = mapper.createObjectNode();
            switch (body.get("type").asString()) {
                case "init" -> reply.put("type", "init_ok");
                case "topology" -> reply.put("type", "topology_ok");
                case "broadcast" -> {
                    JsonNode value = body.get("message");
                    if (value != null && value.isIntegralNumber()) {
                        messages.add(value.asLong());
                        reply.put("type", "broadcast_ok");
                    } else {
                        reply.put("type", "error").put("code", 12);
                    }
                }
                case "read" -> {
                    reply.put("type", "read_ok");
                    var array = reply.putArray("messages");
                    messages.forEach(array::add);
                }
                default -> reply.put("type", "error").put("code", 10);
            }
            reply.put("in_reply_to", body.get("msg_id").asLong());
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put("src", message.get("dest").asString()).put("dest", message.get("src").asString()).set("body", reply);
            out.println(mapper.writeValueAsString(envelope));
            out.flush();
        }
    }
}
