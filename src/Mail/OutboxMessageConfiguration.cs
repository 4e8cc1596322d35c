using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyPage.Data;

namespace MyPage.Mail;

// 送信待ちのメール
internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.Property(m => m.To).HasMaxLength(254);
    }
}
