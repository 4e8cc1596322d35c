using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MyPage.Data;

// SQLite（既定）の DbContext。PostgreSQL では派生した PostgreSqlDb が使われる（マイグレーションは別のフォルダー）。
// Identity の表は既定のものに、パスキーの行だけ自前の SeekerPasskey（最終利用日時を足す）
internal class MyPageDb : IdentityDbContext<Seeker, IdentityRole, string, IdentityUserClaim<string>, IdentityUserRole<string>, IdentityUserLogin<string>,
    IdentityRoleClaim<string>, IdentityUserToken<string>, SeekerPasskey>, IDataProtectionKeyContext
{
    public MyPageDb(DbContextOptions<MyPageDb> options) : base(options) { }

    protected MyPageDb(DbContextOptions options) : base(options) { }

    // 時刻は、どの表でも DateTimeOffset（型で決まる。名前では決めない）。ミリ秒まで、UTC で持つ。
    // SQLite: エポックからのミリ秒の整数（SQLite は DateTimeOffset の文字列を比べも並べもできない）。PostgreSQL: timestamptz
    protected virtual ValueConverter InstantColumn => Instants.UnixMilliseconds;

    // 生の SQL (Data/Statements) に渡す時刻を、列と同じ形に
    public object Instant(DateTimeOffset at) => InstantColumn.ConvertToProvider(at)!;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion(InstantColumn.GetType());
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion(InstantColumn.GetType());
    }

    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<PasswordResetRequest> PasswordResetRequests => Set<PasswordResetRequest>();
    public DbSet<MynaportalLink> MynaportalLinks => Set<MynaportalLink>();
    public DbSet<RegistrationRequest> RegistrationRequests => Set<RegistrationRequest>();
    public DbSet<JobPosting> JobPostings => Set<JobPosting>();
    public DbSet<JobRequest> JobRequests => Set<JobRequest>();
    public DbSet<JobApplication> JobApplications => Set<JobApplication>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<SeekerMessage> Messages => Set<SeekerMessage>();
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<SiteSecret> SiteSecrets => Set<SiteSecret>();
    public DbSet<PendingLogin> PendingLogins => Set<PendingLogin>();
    public DbSet<SeekerBrowser> SeekerBrowsers => Set<SeekerBrowser>();
    public DbSet<LoginRecord> LoginRecords => Set<LoginRecord>();
    public DbSet<ClientThrottle> ClientThrottles => Set<ClientThrottle>();
    public DbSet<UsedBotChallenge> UsedBotChallenges => Set<UsedBotChallenge>();
    public DbSet<PendingMynaportalSignIn> PendingMynaportalSignIns => Set<PendingMynaportalSignIn>();
    public DbSet<IdChangeRequest> IdChangeRequests => Set<IdChangeRequest>();
    public DbSet<UsedPasskeyChallenge> UsedPasskeyChallenges => Set<UsedPasskeyChallenge>();

    private static bool ConfiguresThisModel(Type type)
        => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)
            && i.GenericTypeArguments[0].Namespace == typeof(MyPageDb).Namespace);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // 表ごとの設定は、その表を持つ部品のフォルダーにある（Abuse/ClientThrottleConfiguration.cs など）。
        // 読み込むのは、この DbContext の実体（MyPage.Data の型）の設定だけ
        builder.ApplyConfigurationsFromAssembly(typeof(MyPageDb).Assembly, ConfiguresThisModel);
    }
}
