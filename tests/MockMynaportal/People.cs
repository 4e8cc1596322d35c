using Microsoft.EntityFrameworkCore;

namespace MockMynaportal;

/// <summary>Someone who can sign in at the mock マイナポータル.</summary>
public class Person
{
    public int Id { get; set; }

    /// <summary>The OIDC <c>sub</c>; never changes once the person exists.</summary>
    public required string Subject { get; set; }

    public required string DisplayName { get; set; }
}

/// <summary>People plus OpenIddict's applications, authorizations, scopes and tokens.</summary>
public class MockDbContext(DbContextOptions<MockDbContext> options) : DbContext(options)
{
    public DbSet<Person> People => Set<Person>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Person>(person =>
        {
            person.HasIndex(p => p.Subject).IsUnique();
            person.Property(p => p.Subject).HasMaxLength(200);
            person.Property(p => p.DisplayName).HasMaxLength(100);
        });
    }
}

/// <summary>The fixed test people. Tests rely on these subjects, so never change them.</summary>
public static class TestPeople
{
    public const string TaroSubject = "mynaportal-taro";
    public const string HanakoSubject = "mynaportal-hanako";
    public const string JiroSubject = "mynaportal-jiro";

    public static readonly IReadOnlyList<(string Subject, string DisplayName)> All =
    [
        (TaroSubject, "マイナ 太郎"),
        (HanakoSubject, "マイナ 花子"),
        (JiroSubject, "マイナ 次郎"),
    ];
}
