using Vigil.Runtime.Invocation;

namespace Vigil.Runtime.Timers;

/// <summary>One tick of a grain timer, queued in the activation's mailbox like a call.</summary>
internal sealed class TimerTickRequest : GrainRequest<object?>
{
    private static readonly GrainMethodDescriptor Serial = new(typeof(IGrainTimer), "Tick", GrainMethodOptions.None, 0, []);
    private static readonly GrainMethodDescriptor Interleaved = new(typeof(IGrainTimer), "Tick", GrainMethodOptions.AlwaysInterleave, 0, []);

    private readonly GrainTimer _timer;

    public TimerTickRequest(GrainTimer timer)
    {
        _timer = timer;
        Target = timer.GrainId;
    }

    public override GrainMethodDescriptor Method => _timer.Options.Interleave ? Interleaved : Serial;

    internal override bool CountsAsActivity => _timer.Options.KeepAlive;

    public override object?[] GetArguments() => [];

    public override bool Invoke(object grain) => CompleteVoid(_timer.TickAsync());
}
