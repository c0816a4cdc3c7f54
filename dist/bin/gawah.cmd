@echo off
rem Gawah launcher for Windows. Runs the Java runtime shipped beside it (..\runtime), never a java
rem on the PATH or in JAVA_HOME. Works from any folder and with spaces or brackets in the path;
rem add this bin folder to PATH to type "gawah" anywhere. GAWAH_JAVA_OPTS adds Java options.
setlocal
for %%I in ("%~dp0..") do set "GAWAH_APP=%%~fI"
if exist "%GAWAH_APP%\runtime\bin\java.exe" goto run
echo gawah: error: "%GAWAH_APP%\runtime\bin\java.exe" is missing: this copy of Gawah is incomplete 1>&2
echo gawah: hint: unpack the whole zip again and run bin\gawah.cmd from inside it 1>&2
exit /b 1
:run
rem The serial collector: no background threads taking a core from the work; compile
rem thresholds ten times the default, but not for the JDK's AES and SHA buffer methods, and native
rem access for SQLite (see bin/gawah); SQLite's native library from native\, not copied into the
rem temporary folder on every run; the window's font from fonts\ (see bin/gawah).
"%GAWAH_APP%\runtime\bin\java.exe" -XX:+UseSerialGC -XX:CompileThresholdScaling=10 -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::engineUpdate,0.01 -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.CipherBlockChaining::*,0.01 -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.ElectronicCodeBook::*,0.01 --enable-native-access=ALL-UNNAMED "-Dorg.sqlite.lib.path=%GAWAH_APP%\native" -Dorg.sqlite.lib.name=sqlitejdbc.dll "-Dgawah.fonts=%GAWAH_APP%\fonts" %GAWAH_JAVA_OPTS% -cp "%GAWAH_APP%\lib\*" org.gawah.cli.Main %*
exit /b %ERRORLEVEL%
