@echo off
rem Gawah's window for Windows (gawah desktop): double-click it. It starts the runtime shipped
rem beside it (..\runtime) with javaw.exe, which opens no console window, and returns at once, so
rem the console Windows opens for any .cmd closes at once too. Works from any folder and with
rem spaces or brackets in the path. GAWAH_JAVA_OPTS adds Java options; see bin\gawah.cmd.
setlocal
for %%I in ("%~dp0..") do set "GAWAH_APP=%%~fI"
if exist "%GAWAH_APP%\runtime\bin\javaw.exe" goto run
echo gawah: error: "%GAWAH_APP%\runtime\bin\javaw.exe" is missing: this copy of Gawah is incomplete 1>&2
echo gawah: hint: unpack the whole zip again and run bin\gawah-desktop.cmd from inside it 1>&2
pause
exit /b 1
:run
start "Gawah" "%GAWAH_APP%\runtime\bin\javaw.exe" -XX:+UseSerialGC -XX:CompileThresholdScaling=10 -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::engineUpdate,0.01 -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.CipherBlockChaining::*,0.01 -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.ElectronicCodeBook::*,0.01 --enable-native-access=ALL-UNNAMED "-Dorg.sqlite.lib.path=%GAWAH_APP%\native" -Dorg.sqlite.lib.name=sqlitejdbc.dll "-Dgawah.fonts=%GAWAH_APP%\fonts" %GAWAH_JAVA_OPTS% -cp "%GAWAH_APP%\lib\*" org.gawah.cli.Main desktop %*
exit /b 0
