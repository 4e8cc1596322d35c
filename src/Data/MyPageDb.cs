using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MyPage.Data;

// SQLite（既定）の DbContext。PostgreSQL では派生した PostgreSqlDb が使われる（マイグレーションは別のフォルダー）
public class MyPageDb : IdentityDbContext<Seeker>, IDataProtectionKeyContext
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Seeker>(e =>
        {
            e.Property(s => s.SeekerNumber).HasMaxLength(13);
            e.HasIndex(s => s.SeekerNumber).IsUnique();
            e.Property(s => s.OfficeName).HasMaxLength(100);
            e.Property(s => s.FamilyName).HasMaxLength(20);
            e.Property(s => s.GivenName).HasMaxLength(20);
            e.Property(s => s.FamilyNameKana).HasMaxLength(40);
            e.Property(s => s.GivenNameKana).HasMaxLength(40);
            e.Property(s => s.PostalCode).HasMaxLength(8);
            e.Property(s => s.Prefecture).HasMaxLength(4);
            // 大文字小文字を区別しない一意性は正規化済みの NormalizedEmail で守る
            e.HasIndex(s => s.NormalizedEmail).IsUnique();
        });

        builder.Entity<LoginThrottle>(e =>
        {
            e.HasKey(t => t.IdTag);
            e.Property(t => t.IdTag).HasMaxLength(64);
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            e.Property(m => m.MessageId).HasMaxLength(200);
            e.Property(m => m.To).HasMaxLength(254);
        });

        builder.Entity<PasswordResetRequest>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.SeekerId);
            e.HasIndex(r => new { r.LoginIdTag, r.CreatedAt });
            e.HasIndex(r => new { r.ClientTag, r.CreatedAt });
            e.HasIndex(r => new { r.BrowserTag, r.CreatedAt });
            e.Property(r => r.BrowserTag).HasMaxLength(64);
            e.HasOne<Seeker>().WithMany().HasForeignKey(r => r.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MynaportalLink>(e =>
        {
            e.HasKey(l => l.SeekerId);
            e.HasIndex(l => new { l.Issuer, l.Subject }).IsUnique();
            e.Property(l => l.Issuer).HasMaxLength(200);
            e.Property(l => l.Subject).HasMaxLength(255);
            e.HasOne<Seeker>().WithOne().HasForeignKey<MynaportalLink>(l => l.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PendingMynaportalSignIn>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(64);
            e.Property(p => p.Issuer).HasMaxLength(200);
            e.Property(p => p.Subject).HasMaxLength(255);
            e.Property(p => p.Name).HasMaxLength(100);
            e.HasIndex(p => p.ExpiresAt);
            e.HasIndex(p => p.SeekerId);
            e.HasOne<Seeker>().WithMany().HasForeignKey(p => p.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RegistrationRequest>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Email).HasMaxLength(254);
            e.HasIndex(r => new { r.EmailTag, r.CreatedAt });
            e.HasIndex(r => new { r.ClientTag, r.CreatedAt });
        });

        builder.Entity<JobPosting>(e =>
        {
            e.HasIndex(j => j.Number).IsUnique();
            e.Property(j => j.Number).HasMaxLength(14);
        });
        builder.Entity<JobRequest>(e =>
        {
            e.HasIndex(r => new { r.SeekerId, r.RequestedAt });
            e.HasIndex(r => new { r.SeekerId, r.JobPostingId }).IsUnique();
            e.HasOne<Seeker>().WithMany().HasForeignKey(r => r.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<JobApplication>(e =>
        {
            e.HasIndex(a => new { a.SeekerId, a.AppliedAt });
            e.HasIndex(a => new { a.SeekerId, a.JobPostingId }).IsUnique();
            e.HasOne<Seeker>().WithMany().HasForeignKey(a => a.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SavedSearch>(e =>
        {
            e.HasIndex(s => new { s.SeekerId, s.Slot }).IsUnique();
            e.ToTable(t => t.HasCheckConstraint("CK_SavedSearches_Slot", "Slot BETWEEN 1 AND 3"));
            e.HasOne<Seeker>().WithMany().HasForeignKey(s => s.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SeekerMessage>(e =>
        {
            e.HasIndex(m => new { m.SeekerId, m.SentAt });
            e.HasOne<Seeker>().WithMany().HasForeignKey(m => m.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Office>(e => e.HasKey(o => o.Name));
        builder.Entity<PendingLogin>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.ReturnUrl).HasMaxLength(2000);
            e.Property(p => p.SecurityStamp).HasMaxLength(100);
            e.HasIndex(p => p.ExpiresAt);
            e.HasIndex(p => p.SeekerId);
            e.HasOne<Seeker>().WithMany().HasForeignKey(p => p.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SeekerBrowser>(e =>
        {
            e.HasIndex(b => new { b.SeekerId, b.BrowserTag }).IsUnique();
            e.Property(b => b.BrowserTag).HasMaxLength(64);
            e.Property(b => b.Description).HasMaxLength(100);
            e.HasOne<Seeker>().WithMany().HasForeignKey(b => b.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<LoginRecord>(e =>
        {
            e.HasIndex(r => new { r.SeekerId, r.At });
            e.Property(r => r.Method).HasMaxLength(20);
            e.Property(r => r.Browser).HasMaxLength(100);
            e.Property(r => r.Client).HasMaxLength(60);
            e.HasOne<Seeker>().WithMany().HasForeignKey(r => r.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ClientThrottle>(e =>
        {
            e.HasKey(c => c.ClientTag);
            e.Property(c => c.ClientTag).HasMaxLength(64);
            e.HasIndex(c => c.WindowStartedAt);
        });
        builder.Entity<UsedBotChallenge>(e =>
        {
            e.HasKey(c => c.Challenge);
            e.Property(c => c.Challenge).HasMaxLength(64);
            e.Property(c => c.ClientTag).HasMaxLength(64);
            e.HasIndex(c => c.ExpiresAt);
            e.HasIndex(c => new { c.ClientTag, c.UsedAt });
        });
        builder.Entity<SiteSecret>(e =>
        {
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(50);
        });

        builder.Entity<SessionRecord>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.SeekerId);
            e.HasOne<Seeker>().WithMany().HasForeignKey(s => s.SeekerId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
