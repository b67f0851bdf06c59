using Envoy.Config.Core.V3;
using Envoy.Service.ExtProc.V3;
using Google.Protobuf;

namespace PiiExtProc.Processing;

/// <summary>
/// The body-mutation replies of one stream direction, built once and reused from message to message (and, with pooled
/// streams, from stream to stream): a STREAMED body sends one per chunk, five objects each when built new.
/// </summary>
/// <remarks>
/// A reply handed out stays in use until <see cref="OnWritten"/> (the service calls it, through
/// <see cref="ExtProcStream.OnRepliesWritten"/>, once the replies of a message are written: gRPC has serialized them);
/// a second reply of the same kind asked for before that is built new, so replies of one message never share objects.
/// </remarks>
internal sealed class ReusableBodyReplies
{
    /// <summary>Digits of the largest content-length a body reply sets (int.MaxValue has 10).</summary>
    private const int MaxContentLengthDigits = 10;

    private readonly Direction _direction;
    private readonly ProcessingResponse _body;
    private readonly CommonResponse _bodyCommon = new();
    private readonly BodyMutation _bodyMutation = new();
    private readonly ProcessingResponse _streamed;
    private readonly StreamedBodyResponse _streamedBody = new();
    private readonly byte[] _contentLengthDigits = new byte[MaxContentLengthDigits];
    private HeaderMutation? _contentLengthMutation;
    private HeaderValue? _contentLengthHeader;
    private bool _bodyInUse;
    private bool _streamedInUse;

    /// <summary>Creates the replies of <paramref name="direction"/>.</summary>
    public ReusableBodyReplies(Direction direction)
    {
        _direction = direction;
        _bodyCommon.BodyMutation = _bodyMutation;
        var body = new BodyResponse { Response = _bodyCommon };
        _body = direction == Direction.Request ? new ProcessingResponse { RequestBody = body } : new ProcessingResponse { ResponseBody = body };
        var streamed = new BodyResponse { Response = new CommonResponse { BodyMutation = new BodyMutation { StreamedResponse = _streamedBody } } };
        _streamed = direction == Direction.Request ? new ProcessingResponse { RequestBody = streamed } : new ProcessingResponse { ResponseBody = streamed };
    }

    /// <summary>
    /// As <see cref="ProcessingResponses.Body"/> with a replacement (wrapped, not copied) and, when
    /// <paramref name="contentLength"/> is set, a header mutation that sets content-length to it (bytes, decimal).
    /// </summary>
    public ProcessingResponse Body(ReadOnlyMemory<byte> replacement, int? contentLength)
    {
        if (_bodyInUse || replacement.Length == 0)
        {
            return ProcessingResponses.Body(_direction, replacement, contentLength is { } length ? ProcessingResponses.ContentLength(length) : null);
        }

        _bodyInUse = true;
        _bodyMutation.Body = UnsafeByteOperations.UnsafeWrap(replacement);
        _bodyCommon.HeaderMutation = contentLength is { } value ? ContentLengthMutation(value) : null;
        return _body;
    }

    /// <summary>As <see cref="ProcessingResponses.StreamedBody"/> (the bytes wrapped, not copied).</summary>
    public ProcessingResponse StreamedBody(ReadOnlyMemory<byte> bytes, bool endOfStream)
    {
        if (_streamedInUse)
        {
            return ProcessingResponses.StreamedBody(_direction, bytes, endOfStream);
        }

        _streamedInUse = true;
        _streamedBody.Body = UnsafeByteOperations.UnsafeWrap(bytes);
        _streamedBody.EndOfStream = endOfStream;
        return _streamed;
    }

    /// <summary>The replies handed out were written: they may be reused; the pooled bytes they wrapped are let go.</summary>
    public void OnWritten()
    {
        if (_bodyInUse)
        {
            _bodyInUse = false;
            _bodyMutation.Body = ByteString.Empty;
            _bodyCommon.HeaderMutation = null;
            if (_contentLengthHeader is not null)
            {
                _contentLengthHeader.RawValue = ByteString.Empty;
            }
        }

        if (_streamedInUse)
        {
            _streamedInUse = false;
            _streamedBody.Body = ByteString.Empty;
        }
    }

    /// <summary>The reused content-length mutation, its value the decimal digits of <paramref name="length"/> (wrapped, not copied).</summary>
    private HeaderMutation ContentLengthMutation(int length)
    {
        if (_contentLengthMutation is null)
        {
            var option = ProcessingResponses.ContentLength(0).SetHeaders[0];
            _contentLengthHeader = option.Header;
            _contentLengthMutation = new HeaderMutation();
            _contentLengthMutation.SetHeaders.Add(option);
        }

        length.TryFormat(_contentLengthDigits, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _contentLengthHeader!.RawValue = UnsafeByteOperations.UnsafeWrap(_contentLengthDigits.AsMemory(0, written));
        return _contentLengthMutation;
    }
}
