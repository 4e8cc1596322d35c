using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Account;

// ログインする求職者（Identity の表）: 求職者番号と名前の長さ、ID の一意性
internal sealed class SeekerConfiguration : IEntityTypeConfiguration<Seeker>
{
    public void Configure(EntityTypeBuilder<Seeker> builder)
    {
        builder.Property(s => s.SeekerNumber).HasMaxLength(13);
        builder.HasIndex(s => s.SeekerNumber).IsUnique();
        builder.Property(s => s.OfficeName).HasMaxLength(100);
        builder.Property(s => s.FamilyName).HasMaxLength(20);
        builder.Property(s => s.GivenName).HasMaxLength(20);
        builder.Property(s => s.FamilyNameKana).HasMaxLength(40);
        builder.Property(s => s.GivenNameKana).HasMaxLength(40);
        builder.Property(s => s.PostalCode).HasMaxLength(8);
        builder.Property(s => s.Prefecture).HasMaxLength(4);
        // 大文字小文字を区別しない一意性は正規化済みの NormalizedEmail で守る
        builder.HasIndex(s => s.NormalizedEmail).IsUnique();
    }
}
