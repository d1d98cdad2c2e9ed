; Inno Setup script: a per-user installer of the one-folder program in dist\hyvinvointi\.
;
; Needs Inno Setup 6.4 or newer (Swedish is an official translation from 6.4 on; 7.x reads
; this script too). Build the folder first (pyinstaller --noconfirm --clean build.spec), then,
; from the repository's top folder:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\hyvinvointi.iss
;
; /DAppVersion is pyproject.toml's version (the workflow passes it); without it the version
; numbers of hyvinvointi.exe are used, which build.spec took from the same place. The
; installer is written to dist\installer\.
;
; No administrator rights: PrivilegesRequired=lowest and no override, so Setup never asks
; for elevation. The program goes to the user's own Programs folder
; (%LOCALAPPDATA%\Programs\Hyvinvointiryhma), its shortcut to the user's Start menu, and
; its uninstaller is registered for this user only (Settings > Apps). The data folder
; (%APPDATA%\Hyvinvointiryhma: the unit file, backups, settings) is the program's own and is
; never touched by Setup or the uninstaller.

#define AppName "Hyvinvointiryhmä"
#define ExeName "hyvinvointi.exe"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\hyvinvointi"
#define ExeNumbers GetVersionNumbersString(DistDir + "\" + ExeName)
#ifndef AppVersion
  #define AppVersion ExeNumbers
#endif

[Setup]
; The identity of the application for Windows (upgrades, the uninstaller): never change it.
AppId={{451441F8-80D5-476C-9215-3F34A6A28757}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
VersionInfoVersion={#ExeNumbers}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
PrivilegesRequired=lowest
DefaultDirName={autopf}\Hyvinvointiryhma
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#ExeName}
SetupIconFile=..\..\resources\icons\hyvinvointi.ico
WizardStyle=modern
; The program is 64-bit (as is the Python it was built with); so is Windows 10/11 on office PCs.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or newer.
MinVersion=10.0.17763
OutputDir=..\..\dist\installer
OutputBaseFilename=hyvinvointi-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
; A running copy is closed (after asking) before its files are replaced.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "fi"; MessagesFile: "compiler:Languages\Finnish.isl"
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"

[CustomMessages]
fi.AppComment=Päiväkodin yhteisöllisen hyvinvointiryhmän jäsenet, kokoukset, muistiot ja raportit
sv.AppComment=Medlemmar, möten, minnesanteckningar och rapporter för daghemmets grupp för välbefinnande
fi.DataKept=Tietojasi ei poistettu. Yksikkötiedosto, varmuuskopiot ja asetukset ovat edelleen kansiossa%n%n%1%n%nVoit poistaa kansion itse, jos et enää tarvitse niitä.
sv.DataKept=Dina uppgifter togs inte bort. Enhetsfilen, säkerhetskopiorna och inställningarna finns kvar i mappen%n%n%1%n%nDu kan ta bort mappen själv om du inte längre behöver dem.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder: no module or library of an older version
; stays behind to be loaded by the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#ExeName}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ After uninstalling, say where the director's data still is (the uninstaller removes only
  the program). Silent uninstalls say nothing. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataFolder: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
  begin
    DataFolder := ExpandConstant('{userappdata}\Hyvinvointiryhma');
    if DirExists(DataFolder) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder]), mbInformation, MB_OK);
  end;
end;
