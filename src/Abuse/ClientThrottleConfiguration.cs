using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Abuse;

// 接続元ごとのログイン失敗の数
internal sealed class ClientThrottleConfiguration : IEntityTypeConfiguration<ClientThrottle>
{
    public void Configure(EntityTypeBuilder<ClientThrottle> builder)
    {
        builder.HasKey(c => c.ClientTag);
        builder.Property(c => c.ClientTag).HasMaxLength(64);
        builder.HasIndex(c => c.WindowStartedAt);
    }
}
