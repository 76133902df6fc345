using Vigil.Runtime.Grains;
using Vigil.Runtime.Invocation;

namespace Vigil.Runtime.Activation;

/// <summary>Activation or deactivation of a grain, run as a turn so its awaits come back to the activation.</summary>
internal sealed class LifecycleRequest : GrainRequest<object?>
{
    public static readonly GrainMethodDescriptor Activate = new(typeof(Grain), nameof(Grain.OnActivateAsync), GrainMethodOptions.None, 0, []);
    public static readonly GrainMethodDescriptor Deactivate = new(typeof(Grain), nameof(Grain.OnDeactivateAsync), GrainMethodOptions.None, 0, []);

    private readonly GrainMethodDescriptor _descriptor;
    private readonly Func<Task> _body;

    public LifecycleRequest(GrainId target, GrainMethodDescriptor descriptor, Func<Task> body)
    {
        Target = target;
        _descriptor = descriptor;
        _body = body;
    }

    public override GrainMethodDescriptor Method => _descriptor;

    internal override bool CountsAsActivity => false;

    public override object?[] GetArguments() => [];

    public override bool Invoke(object grain) => CompleteVoid(_body());
}
