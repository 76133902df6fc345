namespace Vigil.Runtime.CodeGenerator.Model;

/// <summary>The four return shapes a grain method may have.</summary>
internal enum GrainReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}
