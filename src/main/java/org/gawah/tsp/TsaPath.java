package org.gawah.tsp;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a TSA's certificate is one this home trusts: pinned itself, or issued (through the
 * certificates the token carries) by a CA certificate pinned here, every link valid when the token
 * was made. The JDK's PKIX path builder, with no revocation check: nothing is fetched, and a token
 * stays checkable offline for as long as its algorithms hold (RFC 4998 renewal is for the rest).
 */
final class TsaPath {
    private TsaPath() {
    }

    static boolean trusted(X509Certificate signer, List<X509Certificate> carried, List<TsaCertificate> pinned, Date at) {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (TsaCertificate anchor : pinned) {
            try {
                if (Arrays.equals(anchor.x509().getEncoded(), signer.getEncoded())) {
                    return true;
                }
            } catch (java.security.cert.CertificateEncodingException e) {
                return false;
            }
            if (anchor.isCa()) {
                anchors.add(new TrustAnchor(anchor.x509(), null));
            }
        }
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            List<X509Certificate> store = new ArrayList<>(carried);
            store.add(signer);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (CertPathBuilderException e) {
            return false;
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
