CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "SeekerNumber" TEXT NULL,
    "OfficeName" TEXT NULL,
    "LastLoginAt" TEXT NULL,
    "PreviousLoginAt" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "LoginThrottles" (
    "LoginId" TEXT NOT NULL CONSTRAINT "PK_LoginThrottles" PRIMARY KEY,
    "Failures" INTEGER NOT NULL,
    "LockedUntil" INTEGER NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Sessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Sessions" PRIMARY KEY,
    "SeekerId" TEXT NULL,
    "Ticket" BLOB NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NULL,
    CONSTRAINT "FK_Sessions_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE UNIQUE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "IX_AspNetUsers_SeekerNumber" ON "AspNetUsers" ("SeekerNumber");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_Sessions_SeekerId" ON "Sessions" ("SeekerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127060713_Foundation', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "MessageId" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "ClaimedUntil" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "PasswordResetRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PasswordResetRequests" PRIMARY KEY,
    "SeekerId" TEXT NULL,
    "KeyHash" TEXT NOT NULL,
    "LoginIdTag" TEXT NOT NULL,
    "ClientTag" TEXT NOT NULL,
    "MailQueued" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "UsedAt" INTEGER NULL,
    "VoidedAt" INTEGER NULL,
    CONSTRAINT "FK_PasswordResetRequests_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_OutboxMessages_SentAt_NextAttemptAt" ON "OutboxMessages" ("SentAt", "NextAttemptAt");

CREATE INDEX "IX_PasswordResetRequests_ClientTag_CreatedAt" ON "PasswordResetRequests" ("ClientTag", "CreatedAt");

CREATE INDEX "IX_PasswordResetRequests_LoginIdTag_CreatedAt" ON "PasswordResetRequests" ("LoginIdTag", "CreatedAt");

CREATE INDEX "IX_PasswordResetRequests_SeekerId" ON "PasswordResetRequests" ("SeekerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127061432_PasswordResetAndOutbox', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "MynaportalLinks" (
    "SeekerId" TEXT NOT NULL CONSTRAINT "PK_MynaportalLinks" PRIMARY KEY,
    "Issuer" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "LinkedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_MynaportalLinks_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_MynaportalLinks_Issuer_Subject" ON "MynaportalLinks" ("Issuer", "Subject");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127062231_MynaportalLinks', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "BirthDate" TEXT NULL;

ALTER TABLE "AspNetUsers" ADD "FamilyName" TEXT NULL;

ALTER TABLE "AspNetUsers" ADD "FamilyNameKana" TEXT NULL;

ALTER TABLE "AspNetUsers" ADD "GivenName" TEXT NULL;

ALTER TABLE "AspNetUsers" ADD "GivenNameKana" TEXT NULL;

ALTER TABLE "AspNetUsers" ADD "PostalCode" TEXT NULL;

ALTER TABLE "AspNetUsers" ADD "Prefecture" TEXT NULL;

ALTER TABLE "AspNetUsers" ADD "RegisteredOnlineAt" TEXT NULL;

CREATE TABLE "RegistrationRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RegistrationRequests" PRIMARY KEY,
    "Email" TEXT NOT NULL,
    "EmailTag" TEXT NOT NULL,
    "ClientTag" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "UsedAt" INTEGER NULL
);

CREATE INDEX "IX_RegistrationRequests_ClientTag_CreatedAt" ON "RegistrationRequests" ("ClientTag", "CreatedAt");

CREATE INDEX "IX_RegistrationRequests_EmailTag_CreatedAt" ON "RegistrationRequests" ("EmailTag", "CreatedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127062552_OnlineRegistration', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "IsPublic" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "JobPostings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobPostings" PRIMARY KEY AUTOINCREMENT,
    "Number" TEXT NOT NULL,
    "Occupation" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "ReferralDeadline" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "CompanyName" TEXT NOT NULL,
    "Workplace" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "EmploymentType" TEXT NOT NULL,
    "WorkingHours" TEXT NOT NULL,
    "Holidays" TEXT NOT NULL,
    "FiveDayWeek" TEXT NOT NULL,
    "AnnualHolidays" INTEGER NOT NULL,
    "Age" TEXT NOT NULL,
    "PublicationScope" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "Openings" INTEGER NOT NULL
);

CREATE TABLE "Offices" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_Offices" PRIMARY KEY,
    "Address" TEXT NOT NULL,
    "Phone" TEXT NOT NULL
);

CREATE TABLE "SavedSearches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SavedSearches" PRIMARY KEY AUTOINCREMENT,
    "SeekerId" TEXT NOT NULL,
    "Slot" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Keyword" TEXT NULL,
    "Category" TEXT NULL,
    "Workplace" TEXT NULL,
    CONSTRAINT "CK_SavedSearches_Slot" CHECK (Slot BETWEEN 1 AND 3),
    CONSTRAINT "FK_SavedSearches_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobApplications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobApplications" PRIMARY KEY AUTOINCREMENT,
    "SeekerId" TEXT NOT NULL,
    "JobPostingId" INTEGER NOT NULL,
    "AppliedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_JobApplications_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_JobApplications_JobPostings_JobPostingId" FOREIGN KEY ("JobPostingId") REFERENCES "JobPostings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobRequests" PRIMARY KEY AUTOINCREMENT,
    "SeekerId" TEXT NOT NULL,
    "JobPostingId" INTEGER NOT NULL,
    "RequestedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_JobRequests_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_JobRequests_JobPostings_JobPostingId" FOREIGN KEY ("JobPostingId") REFERENCES "JobPostings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Messages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Messages" PRIMARY KEY AUTOINCREMENT,
    "SeekerId" TEXT NOT NULL,
    "JobPostingId" INTEGER NULL,
    "Sender" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "SentAt" INTEGER NOT NULL,
    "ReadAt" INTEGER NULL,
    CONSTRAINT "FK_Messages_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Messages_JobPostings_JobPostingId" FOREIGN KEY ("JobPostingId") REFERENCES "JobPostings" ("Id")
);

CREATE INDEX "IX_JobApplications_JobPostingId" ON "JobApplications" ("JobPostingId");

CREATE INDEX "IX_JobApplications_SeekerId_AppliedAt" ON "JobApplications" ("SeekerId", "AppliedAt");

CREATE UNIQUE INDEX "IX_JobApplications_SeekerId_JobPostingId" ON "JobApplications" ("SeekerId", "JobPostingId");

CREATE UNIQUE INDEX "IX_JobPostings_Number" ON "JobPostings" ("Number");

CREATE INDEX "IX_JobRequests_JobPostingId" ON "JobRequests" ("JobPostingId");

CREATE UNIQUE INDEX "IX_JobRequests_SeekerId_JobPostingId" ON "JobRequests" ("SeekerId", "JobPostingId");

CREATE INDEX "IX_JobRequests_SeekerId_RequestedAt" ON "JobRequests" ("SeekerId", "RequestedAt");

CREATE INDEX "IX_Messages_JobPostingId" ON "Messages" ("JobPostingId");

CREATE INDEX "IX_Messages_SeekerId_SentAt" ON "Messages" ("SeekerId", "SentAt");

CREATE UNIQUE INDEX "IX_SavedSearches_SeekerId_Slot" ON "SavedSearches" ("SeekerId", "Slot");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127064336_HomeJobsAndMessages', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DELETE FROM LoginThrottles;

UPDATE OutboxMessages SET Body = '' WHERE SentAt IS NOT NULL;

ALTER TABLE "OutboxMessages" ADD "Secret" TEXT NULL;

ALTER TABLE "LoginThrottles" ADD "IdTag" TEXT NOT NULL DEFAULT '';

CREATE TABLE "SiteSecrets" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_SiteSecrets" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

CREATE TABLE "ef_temp_LoginThrottles" (
    "IdTag" TEXT NOT NULL CONSTRAINT "PK_LoginThrottles" PRIMARY KEY,
    "Failures" INTEGER NOT NULL,
    "LockedUntil" INTEGER NULL,
    "UpdatedAt" INTEGER NOT NULL
);

INSERT INTO "ef_temp_LoginThrottles" ("IdTag", "Failures", "LockedUntil", "UpdatedAt")
SELECT "IdTag", "Failures", "LockedUntil", "UpdatedAt"
FROM "LoginThrottles";

CREATE TABLE "ef_temp_OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "Attempts" INTEGER NOT NULL,
    "Body" TEXT NULL,
    "ClaimedUntil" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "MessageId" TEXT NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "Secret" TEXT NULL,
    "SentAt" INTEGER NULL,
    "Subject" TEXT NOT NULL,
    "To" TEXT NOT NULL
);

INSERT INTO "ef_temp_OutboxMessages" ("Id", "Attempts", "Body", "ClaimedUntil", "CreatedAt", "LastError", "MessageId", "NextAttemptAt", "Secret", "SentAt", "Subject", "To")
SELECT "Id", "Attempts", "Body", "ClaimedUntil", "CreatedAt", "LastError", "MessageId", "NextAttemptAt", "Secret", "SentAt", "Subject", "To"
FROM "OutboxMessages";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "LoginThrottles";

ALTER TABLE "ef_temp_LoginThrottles" RENAME TO "LoginThrottles";

DROP TABLE "OutboxMessages";

ALTER TABLE "ef_temp_OutboxMessages" RENAME TO "OutboxMessages";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_OutboxMessages_SentAt_NextAttemptAt" ON "OutboxMessages" ("SentAt", "NextAttemptAt");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130081524_SecretsAtRest', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "LoginRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LoginRecords" PRIMARY KEY AUTOINCREMENT,
    "SeekerId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Method" TEXT NOT NULL,
    "Browser" TEXT NOT NULL,
    "Client" TEXT NOT NULL,
    CONSTRAINT "FK_LoginRecords_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PendingLogins" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PendingLogins" PRIMARY KEY,
    "SeekerId" TEXT NOT NULL,
    "CodeHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CodeSentAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "MailSent" INTEGER NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "Resends" INTEGER NOT NULL,
    "UsedAt" INTEGER NULL,
    "VoidedAt" INTEGER NULL,
    "ReturnUrl" TEXT NULL,
    "LinksMynaportal" INTEGER NOT NULL,
    CONSTRAINT "FK_PendingLogins_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SeekerBrowsers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SeekerBrowsers" PRIMARY KEY AUTOINCREMENT,
    "SeekerId" TEXT NOT NULL,
    "BrowserTag" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "FirstSeenAt" INTEGER NOT NULL,
    "LastSeenAt" INTEGER NOT NULL,
    "TrustedUntil" INTEGER NULL,
    CONSTRAINT "FK_SeekerBrowsers_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_LoginRecords_SeekerId_At" ON "LoginRecords" ("SeekerId", "At");

CREATE INDEX "IX_PendingLogins_ExpiresAt" ON "PendingLogins" ("ExpiresAt");

CREATE INDEX "IX_PendingLogins_SeekerId" ON "PendingLogins" ("SeekerId");

CREATE UNIQUE INDEX "IX_SeekerBrowsers_SeekerId_BrowserTag" ON "SeekerBrowsers" ("SeekerId", "BrowserTag");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130091215_OneTimePasswordAndLoginHistory', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "PasswordResetRequests" ADD "KnownBrowser" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "ClientThrottles" (
    "ClientTag" TEXT NOT NULL CONSTRAINT "PK_ClientThrottles" PRIMARY KEY,
    "Failures" INTEGER NOT NULL,
    "WindowStartedAt" INTEGER NOT NULL
);

CREATE TABLE "UsedBotChallenges" (
    "Challenge" TEXT NOT NULL CONSTRAINT "PK_UsedBotChallenges" PRIMARY KEY,
    "ExpiresAt" INTEGER NOT NULL
);

CREATE INDEX "IX_ClientThrottles_WindowStartedAt" ON "ClientThrottles" ("WindowStartedAt");

CREATE INDEX "IX_UsedBotChallenges_ExpiresAt" ON "UsedBotChallenges" ("ExpiresAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130093529_AbuseDefence', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "UsedBotChallenges" ADD "ClientTag" TEXT NULL;

ALTER TABLE "UsedBotChallenges" ADD "UsedAt" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "PendingLogins" ADD "SecurityStamp" TEXT NULL;

ALTER TABLE "PasswordResetRequests" ADD "BrowserTag" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "FailedAt" INTEGER NULL;

CREATE TABLE "PendingMynaportalSignIns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PendingMynaportalSignIns" PRIMARY KEY,
    "Issuer" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Name" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "SeekerId" TEXT NULL,
    CONSTRAINT "FK_PendingMynaportalSignIns_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_UsedBotChallenges_ClientTag_UsedAt" ON "UsedBotChallenges" ("ClientTag", "UsedAt");

CREATE INDEX "IX_PasswordResetRequests_BrowserTag_CreatedAt" ON "PasswordResetRequests" ("BrowserTag", "CreatedAt");

CREATE INDEX "IX_PendingMynaportalSignIns_ExpiresAt" ON "PendingMynaportalSignIns" ("ExpiresAt");

CREATE INDEX "IX_PendingMynaportalSignIns_SeekerId" ON "PendingMynaportalSignIns" ("SeekerId");

CREATE TABLE "ef_temp_PendingLogins" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PendingLogins" PRIMARY KEY,
    "CodeHash" TEXT NOT NULL,
    "CodeSentAt" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "MailSent" INTEGER NOT NULL,
    "Resends" INTEGER NOT NULL,
    "ReturnUrl" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "SeekerId" TEXT NOT NULL,
    "UsedAt" INTEGER NULL,
    "VoidedAt" INTEGER NULL,
    CONSTRAINT "FK_PendingLogins_AspNetUsers_SeekerId" FOREIGN KEY ("SeekerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_PendingLogins" ("Id", "CodeHash", "CodeSentAt", "CreatedAt", "ExpiresAt", "FailedAttempts", "MailSent", "Resends", "ReturnUrl", "SecurityStamp", "SeekerId", "UsedAt", "VoidedAt")
SELECT "Id", "CodeHash", "CodeSentAt", "CreatedAt", "ExpiresAt", "FailedAttempts", "MailSent", "Resends", "ReturnUrl", "SecurityStamp", "SeekerId", "UsedAt", "VoidedAt"
FROM "PendingLogins";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "PendingLogins";

ALTER TABLE "ef_temp_PendingLogins" RENAME TO "PendingLogins";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_PendingLogins_ExpiresAt" ON "PendingLogins" ("ExpiresAt");

CREATE INDEX "IX_PendingLogins_SeekerId" ON "PendingLogins" ("SeekerId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206131540_LoginPipelineAndRevocation', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "PendingLogins" ADD "ReplacedCodeHashes" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207002311_ReplacedCodes', '10.0.15');

COMMIT;

