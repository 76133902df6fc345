using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Vigil.Dashboard.Identity;

/// <summary>
/// The people who may sign in: demo users (Demo mode only), then <c>Vigil:Users</c>, then the admin's changes from
/// <c>&lt;DataPath&gt;/users.json</c>, which is rewritten atomically (temp file + rename) on every change. One lock keeps
/// the "at least one admin" rule true across concurrent admin calls; hashing happens outside it.
/// </summary>
internal sealed class UserStore
{
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock _gate = new();
    private readonly IPasswordHasher<UserAccount> _hasher;
    private readonly string _file;
    private readonly Dictionary<string, UserAccount> _seeds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserAccount> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<UserAccount> _demoSeeds = new(ReferenceEqualityComparer.Instance);
    private readonly UsersFileContent _changes;
    private readonly string _unknownUserHash;

    public UserStore(IOptions<DashboardIdentityOptions> options, IPasswordHasher<UserAccount> hasher)
    {
        _hasher = hasher;
        _file = options.Value.UsersFile;
        Mode = options.Value.ParsedMode;
        if (Mode == DashboardMode.Demo)
        {
            // Demo passwords are printed at start-up, so slow hashing would protect nothing and only delay the start.
            var demoHasher = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
            foreach (var profile in DemoUsers.Profiles)
            {
                var demo = profile.Copy();
                demo.PasswordHash = demoHasher.HashPassword(demo, DemoUsers.PasswordOf(demo.UserName));
                demo.Stamp = SeedStamp(demo, includeHash: false);
                _seeds[demo.UserName] = demo;
                _demoSeeds.Add(demo);
            }
        }

        foreach (var configured in options.Value.Users)
        {
            var user = configured.Copy();
            user.DisplayName = DashboardIdentityOptionsValidator.DisplayNameOf(user);
            user.Stamp = SeedStamp(user, includeHash: true);
            _seeds[user.UserName] = user;
        }

        _changes = ReadChanges(_file);
        foreach (var (name, user) in _seeds.Where(s => !_changes.Deleted.Contains(s.Key, StringComparer.OrdinalIgnoreCase)))
        {
            _users[name] = user;
        }

        foreach (var user in _changes.Upserts)
        {
            _users[user.UserName] = user;
        }

        // Verifying against this when the name is unknown makes a wrong name cost as much time as a wrong password.
        _unknownUserHash = hasher.HashPassword(new UserAccount(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    public DashboardMode Mode { get; }

    public UserAccount? Find(string userName)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(userName)?.Copy();
        }
    }

    public IReadOnlyList<UserAccount> All()
    {
        lock (_gate)
        {
            return [.. _users.Values.OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).Select(u => u.Copy())];
        }
    }

    /// <summary>The demo users that still sign in with their demo password (not replaced by configuration or an admin).</summary>
    public IReadOnlyList<UserAccount> DemoUsersInEffect()
    {
        if (Mode != DashboardMode.Demo)
        {
            return [];
        }

        lock (_gate)
        {
            return [.. DemoUsers.Profiles.Select(p => _users.GetValueOrDefault(p.UserName)).OfType<UserAccount>()
                .Where(u => _demoSeeds.Contains(u)
                    || _hasher.VerifyHashedPassword(u, u.PasswordHash, DemoUsers.PasswordOf(u.UserName)) != PasswordVerificationResult.Failed)
                .Select(u => u.Copy())];
        }
    }

    /// <summary>The account when the password is right, else null; takes about as long for an unknown name.</summary>
    public UserAccount? Verify(string userName, string password)
    {
        var user = Find(userName);
        var result = _hasher.VerifyHashedPassword(user ?? new UserAccount(), user?.PasswordHash ?? _unknownUserHash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    /// <summary>Creates or replaces a user (keeping the password when none is given); refuses to leave no admin.</summary>
    public UserChangeOutcome Upsert(string userName, UserUpdateRequest request, out UserAccount? saved)
    {
        var newHash = request.Password is { } password ? _hasher.HashPassword(new UserAccount { UserName = userName }, password) : null;
        lock (_gate)
        {
            var existing = _users.GetValueOrDefault(userName);
            saved = null;
            if (existing is null && newHash is null)
            {
                // Deleted by another admin since the caller checked.
                return UserChangeOutcome.NeedsPassword;
            }

            var user = new UserAccount
            {
                UserName = existing?.UserName ?? userName,
                DisplayName = request.DisplayName!.Trim(),
                PasswordHash = newHash ?? existing!.PasswordHash,
                Roles = [.. request.Roles!.Distinct(StringComparer.Ordinal)],
                Regions = [.. (request.Regions ?? []).Distinct(StringComparer.Ordinal)],
                AdvisorId = request.AdvisorId,
                Language = request.Language!,
                Stamp = Guid.NewGuid().ToString("N"),
            };
            if (existing is not null && !user.Roles.Contains(Roles.Admin) && IsLastAdmin(existing))
            {
                return UserChangeOutcome.WouldLeaveNoAdmin;
            }

            _changes.Upserts.RemoveAll(u => u.UserName.Equals(user.UserName, StringComparison.OrdinalIgnoreCase));
            _changes.Upserts.Add(user);
            _changes.Deleted.RemoveAll(n => n.Equals(user.UserName, StringComparison.OrdinalIgnoreCase));
            WriteChanges();
            _users[user.UserName] = user;
            saved = user.Copy();
            return existing is null ? UserChangeOutcome.Created : UserChangeOutcome.Updated;
        }
    }

    public UserChangeOutcome Delete(string userName)
    {
        lock (_gate)
        {
            if (_users.GetValueOrDefault(userName) is not { } existing)
            {
                return UserChangeOutcome.NotFound;
            }

            if (IsLastAdmin(existing))
            {
                return UserChangeOutcome.WouldLeaveNoAdmin;
            }

            _changes.Upserts.RemoveAll(u => u.UserName.Equals(existing.UserName, StringComparison.OrdinalIgnoreCase));
            if (_seeds.ContainsKey(existing.UserName) && !_changes.Deleted.Contains(existing.UserName, StringComparer.OrdinalIgnoreCase))
            {
                _changes.Deleted.Add(existing.UserName);
            }

            WriteChanges();
            _users.Remove(existing.UserName);
            return UserChangeOutcome.Deleted;
        }
    }

    /// <summary>A person's own language choice; keeps the stamp, so their other sessions stay signed in.</summary>
    public UserAccount? SetLanguage(string userName, string language)
    {
        lock (_gate)
        {
            if (_users.GetValueOrDefault(userName) is not { } existing)
            {
                return null;
            }

            var user = existing.Copy();
            user.Language = language;
            _changes.Upserts.RemoveAll(u => u.UserName.Equals(user.UserName, StringComparison.OrdinalIgnoreCase));
            _changes.Upserts.Add(user);
            WriteChanges();
            _users[user.UserName] = user;
            return user.Copy();
        }
    }

    private bool IsLastAdmin(UserAccount user) =>
        user.Roles.Contains(Roles.Admin) && _users.Values.Count(u => u.Roles.Contains(Roles.Admin)) == 1;

    private void WriteChanges()
    {
        var folder = Path.GetDirectoryName(_file)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".users.{Guid.NewGuid():N}.tmp");
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // The file holds password hashes: readable by the silo's account only.
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temp, create))
            {
                JsonSerializer.Serialize(stream, _changes, FileJson);
                stream.Flush(flushToDisk: true);
            }

            // A rename within one folder is atomic: a crash leaves the old file or the new one, never half of one.
            File.Move(temp, _file, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static UsersFileContent ReadChanges(string file)
    {
        if (!File.Exists(file))
        {
            return new UsersFileContent();
        }

        try
        {
            using var stream = File.OpenRead(file);
            var content = JsonSerializer.Deserialize<UsersFileContent>(stream, FileJson) ?? new UsersFileContent();
            var bad = content.Upserts.FirstOrDefault(u => !UserValidation.IsIdentifier(u.UserName) || !UserValidation.IsPasswordHash(u.PasswordHash));
            return bad is null
                ? content
                : throw new OptionsValidationException("Vigil:DataPath", typeof(DashboardIdentityOptions),
                    [$"Vigil:DataPath holds {file} with an invalid user '{UserValidation.Quote(bad.UserName)}'; fix or remove the file."]);
        }
        catch (JsonException exception)
        {
            throw new OptionsValidationException("Vigil:DataPath", typeof(DashboardIdentityOptions),
                [$"Vigil:DataPath holds {file}, which is not a users file ({exception.Message}); fix or remove it."]);
        }
    }

    /// <summary>A stamp that stays the same across restarts while the configured account does, so restarts keep people signed in.</summary>
    private static string SeedStamp(UserAccount user, bool includeHash)
    {
        var text = string.Join('|', user.UserName, string.Join(',', user.Roles), string.Join(',', user.Regions), user.AdvisorId, includeHash ? user.PasswordHash : "demo");
        return "seed-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
