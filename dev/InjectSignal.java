import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes one signals.v1 event (CloudEvents, binary mode, keyed by user id) as the upstream Signals API would:
 * a SignalIssued, or with --action modify|cancel|close an action on the signal named by --signal-id. Run by
 * dev/signal; arguments are --name value pairs (see dev/signal).
 */
public class InjectSignal {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String user = UUID.fromString(require(options, "user")).toString();
        String signalId = options.getOrDefault("signal-id", UUID.randomUUID().toString());
        Instant issuedAt = Instant.now();
        String action = options.getOrDefault("action", "issue");
        String type = switch (action) {
            case "issue" -> "signal.issued.v1";
            case "modify" -> "signal.modified.v1";
            case "cancel" -> "signal.cancelled.v1";
            case "close" -> "signal.close-requested.v1";
            default -> throw new IllegalArgumentException("--action is issue, modify, cancel or close");
        };
        if (!action.equals("issue") && !options.containsKey("signal-id")) {
            throw new IllegalArgumentException("--action " + action + " needs --signal-id");
        }
        ObjectNode actionData = new ObjectMapper().createObjectNode().put("signal_id", signalId).put("user_id", user);
        switch (action) {
            case "modify" -> actionData.put("stop_loss", options.get("stop-loss"))
                    .put("take_profit", options.get("take-profit")).put("price", options.get("price"))
                    .put("modified_at", issuedAt.toString());
            case "cancel" -> actionData.put("cancelled_at", issuedAt.toString());
            case "close" -> actionData.put("lots", options.get("lots")).put("requested_at", issuedAt.toString());
            default -> { }
        }
        ObjectNode issued = new ObjectMapper().createObjectNode()
                .put("signal_id", signalId)
                .put("user_id", user)
                .put("instrument", options.getOrDefault("instrument", "EURUSD"))
                .put("side", options.getOrDefault("side", "BUY"))
                .put("order_type", options.getOrDefault("order-type", "MARKET"))
                .put("size", options.getOrDefault("size", "1.00"))
                // --price none: a MARKET signal without a reference price (its fills are held for review)
                .put("price", "none".equals(options.get("price")) ? null : options.getOrDefault("price", "1.08345"))
                .put("stop_loss", options.get("stop-loss"))
                .put("take_profit", options.get("take-profit"))
                .put("issued_at", issuedAt.toString())
                .put("expires_at", issuedAt.plus(Duration.parse("PT" + options.getOrDefault("expires-in", "5m").toUpperCase())).toString());
        ObjectNode signal = action.equals("issue") ? issued : actionData;

        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("bootstrap", "127.0.0.1:19092"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("signals.v1", user, signal.toString());
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_type", type);
            header(record, "ce_source", "signals-api"); // in the name of the upstream Signals API, its one producer
            header(record, "ce_time", issuedAt.toString());
            header(record, "content-type", "application/json");
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        System.out.println(signal.toPrettyString());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.println("--" + name + " is required");
            System.exit(2);
        }
        return value;
    }
}
