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
    private readonly Direction _direction;
    private readonly ProcessingResponse _body;
    private readonly CommonResponse _bodyCommon = new();
    private readonly BodyMutation _bodyMutation = new();
    private readonly ProcessingResponse _streamed;
    private readonly StreamedBodyResponse _streamedBody = new();
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

    /// <summary>As <see cref="ProcessingResponses.Body"/> with a replacement (wrapped, not copied).</summary>
    public ProcessingResponse Body(ReadOnlyMemory<byte> replacement, HeaderMutation? headerMutation)
    {
        if (_bodyInUse || replacement.Length == 0)
        {
            return ProcessingResponses.Body(_direction, replacement, headerMutation);
        }

        _bodyInUse = true;
        _bodyMutation.Body = UnsafeByteOperations.UnsafeWrap(replacement);
        _bodyCommon.HeaderMutation = headerMutation;
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
        }

        if (_streamedInUse)
        {
            _streamedInUse = false;
            _streamedBody.Body = ByteString.Empty;
        }
    }
}
