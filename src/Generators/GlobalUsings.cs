global using ErrorCode = Confluent.Kafka.ErrorCode;
