using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Account;

// ID ごとのログイン失敗の数とロック
internal sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> builder)
    {
        builder.HasKey(t => t.IdTag);
        builder.Property(t => t.IdTag).HasMaxLength(64);
    }
}
