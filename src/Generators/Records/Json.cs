using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Retail.Generators.Records;

/// <summary>Writes generated bodies compactly, with '+' and other ASCII left as they are.</summary>
internal static class Json
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
