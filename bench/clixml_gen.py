#!/usr/bin/env python3
"""Writes an Export-Clixml file shaped like `Get-User -ResultSize Unlimited`.

Usage: clixml_gen.py OUT.xml [USERS]   (default 121000 users, about 200 MB)

Synthetic data: TN once then TNRef, enums as Obj with ToString and I32, lists,
DateTime, Guid, Nil and _xHHHH_ escapes, as PowerShell writes them.
"""
import sys
import uuid
import random

NS = "http://schemas.microsoft.com/powershell/2004/04"


def user(i, ref, out):
    r = ref[0]
    ref[0] += 6
    first = i == 0
    w = out.write
    w(f'  <Obj RefId="{r}">\n')
    if first:
        w('    <TN RefId="0">\n'
          '      <T>Microsoft.Exchange.Data.Directory.Management.User</T>\n'
          '      <T>Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson</T>\n'
          '      <T>Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient</T>\n'
          '      <T>Microsoft.Exchange.Data.Directory.ADPresentationObject</T>\n'
          '      <T>Microsoft.Exchange.Data.Directory.ADObject</T>\n'
          '      <T>Microsoft.Exchange.Data.ConfigurableObject</T>\n'
          '      <T>System.Object</T>\n'
          '    </TN>\n')
    else:
        w('    <TNRef RefId="0" />\n')
    name = f"user{i:06d}"
    w(f'    <ToString>{name}</ToString>\n    <Props>\n')
    w(f'      <S N="Name">{name}</S>\n')
    w(f'      <S N="DisplayName">User {i} M_x00FC_ller_x000A_(Sales &amp; Ops)</S>\n')
    w(f'      <S N="SamAccountName">{name}</S>\n')
    w(f'      <S N="UserPrincipalName">{name}@contoso.com</S>\n')
    w(f'      <S N="DistinguishedName">CN={name},OU=Users,OU=Corp,DC=contoso,DC=com</S>\n')
    w(f'      <G N="Guid">{uuid.UUID(int=random.getrandbits(128))}</G>\n')
    w(f'      <DT N="WhenCreated">2021-0{1 + i % 9}-1{i % 10}T08:1{i % 10}:00+01:00</DT>\n')
    w(f'      <DT N="WhenChanged">2024-03-0{1 + i % 9}T10:00:00+01:00</DT>\n')
    w(f'      <B N="IsDirSynced">{"true" if i % 3 else "false"}</B>\n')
    w(f'      <B N="AccountDisabled">{"true" if i % 50 == 0 else "false"}</B>\n')
    w('      <Nil N="Manager" />\n')
    w(f'      <I32 N="ExternalDirectoryObjectIdHash">{random.randint(-2**31, 2**31 - 1)}</I32>\n')
    tn = '<TN RefId="1"><T>Microsoft.Exchange.Data.Directory.Recipient.RecipientType</T><T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN>' if first else '<TNRef RefId="1" />'
    w(f'      <Obj N="RecipientType" RefId="{r + 1}">{tn}<ToString>UserMailbox</ToString><I32>6</I32></Obj>\n')
    tn = '<TN RefId="2"><T>Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails</T><T>System.Enum</T><T>System.ValueType</T><T>System.Object</T></TN>' if first else '<TNRef RefId="2" />'
    w(f'      <Obj N="RecipientTypeDetails" RefId="{r + 2}">{tn}<ToString>UserMailbox</ToString><I64>1</I64></Obj>\n')
    tn = '<TN RefId="3"><T>Microsoft.Exchange.Data.ProxyAddressCollection</T><T>Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.ProxyAddress, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]</T><T>System.Object</T></TN>' if first else '<TNRef RefId="3" />'
    w(f'      <Obj N="EmailAddresses" RefId="{r + 3}">\n        {tn}\n        <LST>\n'
      f'          <S>SMTP:{name}@contoso.com</S>\n          <S>smtp:{name}@contoso.mail.onmicrosoft.com</S>\n'
      f'          <S>X500:/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn={name}</S>\n'
      '        </LST>\n      </Obj>\n')
    tn = '<TN RefId="4"><T>Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]</T><T>System.Object</T></TN>' if first else '<TNRef RefId="4" />'
    w(f'      <Obj N="Languages" RefId="{r + 4}">{tn}<LST><S>en-US</S><S>de-DE</S></LST></Obj>\n')
    w(f'      <S N="Department">Dept {i % 40}</S>\n      <S N="Office">Building {i % 7}</S>\n')
    w(f'      <S N="Phone">+1 555 01{i % 100:02d}</S>\n      <S N="Notes">line one_x000D__x000A_line two</S>\n')
    w(f'      <I32 N="ObjectState">0</I32>\n')
    w('    </Props>\n  </Obj>\n')


def main():
    out_path = sys.argv[1]
    users = int(sys.argv[2]) if len(sys.argv) > 2 else 121000
    random.seed(1)
    with open(out_path, "w", encoding="utf-8", newline="\r\n") as out:
        out.write("\ufeff")
        out.write(f'<Objs Version="1.1.0.1" xmlns="{NS}">\n')
        ref = [0]
        for i in range(users):
            user(i, ref, out)
        out.write("</Objs>")


if __name__ == "__main__":
    main()
