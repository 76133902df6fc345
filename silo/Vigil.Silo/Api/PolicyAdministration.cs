using System.Text;
using Vigil.Grains.Policy;
using Vigil.Silo.Hosting;

namespace Vigil.Silo.Api;

/// <summary>
/// What the policy API does beyond reading: stages a candidate policy for shadow mode, drops it, or promotes it.
/// Promotion writes the candidate's text to the watched policy file (atomically) before making it active, so the file
/// stays the one source of truth and a restart comes back with the promoted version. The candidate itself lives in
/// memory: a restart ends the shadow run, as a restart resets its counts anyway.
/// </summary>
public sealed class PolicyAdministration(PolicyStore store, PolicyWatcherHostedService watcher, ILogger<PolicyAdministration> logger)
{
    private readonly Lock _gate = new();
    private string? _candidateJson;

    public string PolicyFile => watcher.PolicyPath;

    public PolicyApplyResult StageCandidate(string json, string actor)
    {
        lock (_gate)
        {
            var result = store.TrySetCandidate(json, "api:" + actor);
            if (result.Outcome != PolicyApplyOutcome.Rejected)
            {
                _candidateJson = json;
                logger.LogInformation("{Actor} staged candidate policy version {PolicyVersion} for shadow mode", actor, result.Entry!.Version);
            }

            return result;
        }
    }

    public bool DropCandidate(string actor)
    {
        lock (_gate)
        {
            _candidateJson = null;
            var dropped = store.ClearCandidate();
            if (dropped)
            {
                logger.LogInformation("{Actor} ended the shadow run", actor);
            }

            return dropped;
        }
    }

    public PolicyApplyResult Promote(string actor)
    {
        lock (_gate)
        {
            if (_candidateJson is not { } json || store.Candidate is null)
            {
                return store.PromoteCandidate("api:" + actor);
            }

            var temporary = PolicyFile + ".promote.tmp";
            File.WriteAllText(temporary, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var result = store.PromoteCandidate("api:" + actor);
            if (result.Applied)
            {
                File.Move(temporary, PolicyFile, overwrite: true);
                _candidateJson = null;
                logger.LogInformation("{Actor} promoted policy version {PolicyVersion}; written to {PolicyPath}", actor, result.Entry!.Version, PolicyFile);
            }
            else
            {
                File.Delete(temporary);
            }

            return result;
        }
    }
}
