using System.Buffers;

namespace Retail.Api.Ingest;

/// <summary>Reads a request body whole, refusing one above a size limit before reading it all.</summary>
internal static class BodyReader
{
    /// <returns>The body, or <c>null</c> when it is larger than <paramref name="limit"/> bytes.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // Sized for the declared length, within reason; it grows as needed.
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Math.Min(request.ContentLength ?? 4096, limit), 1 << 20) + 1);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
