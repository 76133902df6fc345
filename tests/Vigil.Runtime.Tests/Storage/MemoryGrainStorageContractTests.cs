using Vigil.Runtime.Persistence;
using Vigil.Runtime.Storage.Memory;

namespace Vigil.Runtime.Tests.Storage;

public sealed class MemoryGrainStorageContractTests : GrainStorageContractTests
{
    protected override IGrainStorage CreateStorage() => new MemoryGrainStorage();
}
