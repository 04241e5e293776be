import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics before the services start, as the KafkaTopic resources do in Kubernetes: a consumer
 * that subscribes to a topic not created yet only finds it at a later metadata refresh, so the first signal after a
 * fresh start would wait for that. Run by dev/up; existing topics are left as they are.
 */
public class CreateTopics {

    private static final List<String> TOPICS = List.of("signals.v1", "devices.lifecycle.v1", "executions.v1",
            "affiliates.v1");

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length == 2 && args[0].equals("--bootstrap") ? args[1] : "127.0.0.1:19092";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                    System.out.println("created " + topic);
                } catch (ExecutionException failure) {
                    if (!(failure.getCause() instanceof TopicExistsException)) {
                        throw failure;
                    }
                }
            }
        }
    }
}
