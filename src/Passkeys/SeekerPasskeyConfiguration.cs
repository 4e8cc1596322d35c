using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Passkeys;

// パスキーの表。Identity の第3版の表 (AspNetUserPasskeys) と同じ形をここで作る: この DbContext の Identity の表は第1版のまま
// （第3版にすると、パスキーのほかに AspNetUsers などの列の長さも変わる）。求職者の行が消えれば、パスキーも消える
internal sealed class SeekerPasskeyConfiguration : IEntityTypeConfiguration<SeekerPasskey>
{
    public void Configure(EntityTypeBuilder<SeekerPasskey> builder)
    {
        builder.ToTable("AspNetUserPasskeys");
        builder.HasKey(p => p.CredentialId);
        builder.Property(p => p.CredentialId).HasMaxLength(1024);
        builder.OwnsOne(p => p.Data).ToJson();
        builder.HasOne<Seeker>().WithMany().HasForeignKey(p => p.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
    }
}

// ログインに使い終わったパスキーの問題
internal sealed class UsedPasskeyChallengeConfiguration : IEntityTypeConfiguration<UsedPasskeyChallenge>
{
    public void Configure(EntityTypeBuilder<UsedPasskeyChallenge> builder)
    {
        builder.HasKey(c => c.Challenge);
        builder.Property(c => c.Challenge).HasMaxLength(128);
        builder.HasIndex(c => c.ExpiresAt);
    }
}
