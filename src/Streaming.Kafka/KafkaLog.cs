namespace Streaming.Kafka;

/// <summary>Routes librdkafka's own log lines through <see cref="ILogger"/>.</summary>
public static class KafkaLog
{
    /// <summary>Writes one librdkafka log message at the matching level.</summary>
    public static void Write(ILogger logger, LogMessage message)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(message);
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
            SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        if (logger.IsEnabled(level))
        {
            logger.Log(level, "librdkafka {Facility} [{Client}]: {Message}", message.Facility, message.Name, message.Message);
        }
    }
}
