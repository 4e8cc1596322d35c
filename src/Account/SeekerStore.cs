using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using MyPage.Data;

namespace MyPage.Account;

// 求職者の Identity のストア（EF Core、このサイトの DbContext）。IUserPasskeyStore も、この表の上で。
// パスキーの行は SeekerPasskey（最終利用日時を足したもの）: AddEntityFrameworkStores が作るストアは Identity の既定の
// パスキーの型を使い、この DbContext のモデルにないので、型を指定して置き換える
internal sealed class SeekerStore(MyPageDb db, IdentityErrorDescriber describer)
    : UserOnlyStore<Seeker, MyPageDb, string, IdentityUserClaim<string>, IdentityUserLogin<string>, IdentityUserToken<string>, SeekerPasskey>(db, describer);
