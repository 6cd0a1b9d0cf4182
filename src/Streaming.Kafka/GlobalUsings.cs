global using Confluent.Kafka;
global using Microsoft.Extensions.Logging;
global using Orleans.Runtime;
global using Orleans.Streams;
global using ErrorCode = Confluent.Kafka.ErrorCode;
