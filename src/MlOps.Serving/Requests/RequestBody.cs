using System.Buffers;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MlOps.Serving.Requests;

/// <summary>Reads a scoring request's body within the size limit, checks its content type and encoding, and parses it.</summary>
internal static class RequestBody
{
    /// <summary>The parsed request, holding the body's bytes (for the audit log's input hash); <see cref="ScoringRequest.Release"/> gives them back.</summary>
    public static async Task<ScoringRequest> ReadAsync(HttpRequest http, InputLayout layout, ServingOptions options)
    {
        var reader = Reader(http.ContentType);
        var (rented, length) = await Bytes(http, options.MaxBodyBytes);
        try
        {
            var body = rented.AsMemory(0, length);
            if (!Utf8.IsValid(body.Span))
            {
                throw new BadRequestException(Problems.InvalidUtf8,
                    $"The body is not valid UTF-8: the bytes at offset {InvalidOffset(body.Span)} are no UTF-8 character. Send UTF-8 text.");
            }

            return reader(body, layout, options.MaxRows) with { Body = body, RentedBody = rented };
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rented);
            throw;
        }
    }

    private static Func<ReadOnlyMemory<byte>, InputLayout, int, ScoringRequest> Reader(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            throw Unsupported(contentType is null ? "The request has no Content-Type" : $"The Content-Type '{contentType}' is not a media type");
        }

        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw Unsupported($"The charset '{media.Charset}' is not one the server reads; send UTF-8 (charset=utf-8)");
        }

        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? JsonRequestReader.Read
            : type.Equals("text/csv", StringComparison.OrdinalIgnoreCase) ? CsvRequestReader.Read
            : throw Unsupported($"The Content-Type '{type}' is not one the server reads");
    }

    /// <summary>The body in an array rented from <see cref="ArrayPool{T}.Shared"/>, grown as bytes arrive, not sized by what the client claims.</summary>
    private static async Task<(byte[] Rented, int Length)> Bytes(HttpRequest http, long maxBytes)
    {
        if (http.ContentLength > maxBytes)
        {
            throw TooLarge(http.ContentLength.Value, maxBytes);
        }

        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(http.ContentLength + 1 ?? 4096, 1, 64 * 1024));
        var length = 0;
        try
        {
            int read;
            while ((read = await http.Body.ReadAsync(buffer.AsMemory(length), http.HttpContext.RequestAborted)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw TooLarge(null, maxBytes);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return (buffer, length);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw TooLarge(null, maxBytes);
        }
        catch (BadHttpRequestException e)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            // The body ended before its Content-Length, its chunks were malformed, or it came too slowly.
            throw new BadRequestException(Problems.UnreadableBody with { Status = e.StatusCode }, $"The body could not be read as sent: {e.Message}");
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static int InvalidOffset(ReadOnlySpan<byte> body)
    {
        var chars = new char[body.Length];
        Utf8.ToUtf16(body, chars, out var read, out _, replaceInvalidSequences: false);
        return read;
    }
    private static BadRequestException Unsupported(string what) =>
        new(Problems.UnsupportedMediaType, $"{what}. Send application/json (MLflow's dataframe_split, dataframe_records, instances or inputs) or text/csv with a header line.");

    private static BadRequestException TooLarge(long? length, long maxBytes) =>
        new(Problems.TooLarge, $"The body{(length is { } l ? $" is {l:N0} bytes; it" : "")} exceeds the limit of {maxBytes:N0} bytes. "
            + "Split the rows over several requests, or raise MLOPS_MAX_BODY_BYTES.");
}
