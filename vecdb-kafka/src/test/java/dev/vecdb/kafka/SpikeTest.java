package dev.vecdb.kafka;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class SpikeTest {
  @Test
  void spike() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
    long t0 = System.nanoTime();
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, "t") {
      @Override
      public String getBrokersAsString() {
        return getCluster().bootstrapServers();
      }
    };
    broker.kafkaPorts(port);
    broker.brokerProperty("transaction.state.log.replication.factor", "1");
    broker.brokerProperty("transaction.state.log.min.isr", "1");
    broker.afterPropertiesSet();
    System.out.println("started in " + (System.nanoTime() - t0) / 1e6 + " " + broker.getCluster().bootstrapServers());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getCluster().bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
    t0 = System.nanoTime();
    producer.initTransactions();
    System.out.println("init in " + (System.nanoTime() - t0) / 1e6);
    t0 = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("t", 0, null, new byte[100]));
      producer.commitTransaction();
    }
    System.out.println("100 tx in " + (System.nanoTime() - t0) / 1e6);
    var b = broker.getCluster().brokers().values().iterator().next();
    t0 = System.nanoTime();
    b.shutdown();
    b.awaitShutdown();
    b.startup();
    System.out.println("restart in " + (System.nanoTime() - t0) / 1e6);
    t0 = System.nanoTime();
    producer.beginTransaction();
    producer.send(new ProducerRecord<>("t", 0, null, new byte[100]));
    producer.commitTransaction();
    System.out.println("tx after restart in " + (System.nanoTime() - t0) / 1e6);
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getCluster().bootstrapServers());
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
      TopicPartition tp = new TopicPartition("t", 0);
      consumer.assign(List.of(tp));
      System.out.println("end " + consumer.endOffsets(List.of(tp)) + " begin " + consumer.beginningOffsets(List.of(tp)));
    }
    producer.close();
    broker.destroy();
  }
}
