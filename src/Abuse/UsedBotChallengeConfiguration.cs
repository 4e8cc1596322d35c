using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Abuse;

// 使い終わった人の確認の問題
internal sealed class UsedBotChallengeConfiguration : IEntityTypeConfiguration<UsedBotChallenge>
{
    public void Configure(EntityTypeBuilder<UsedBotChallenge> builder)
    {
        builder.HasKey(c => c.Challenge);
        builder.Property(c => c.Challenge).HasMaxLength(64);
        builder.Property(c => c.ClientTag).HasMaxLength(64);
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasIndex(c => new { c.ClientTag, c.UsedAt });
    }
}
