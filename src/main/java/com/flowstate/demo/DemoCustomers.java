package com.flowstate.demo;

import java.util.ArrayList;
import java.util.List;

import com.flowstate.opportunity.NewOpportunity;

/**
 * Demo customers across Italy. Some have no e-mail address, and some live where no installer works, so the action
 * history shows the reasons an action can fail.
 */
final class DemoCustomers {

    record Customer(int index, String name, String email, String phone, String street, String city,
                    String postalCode, String province) {

        /** No installer or seller yet: the flow's assignment actions choose them by zone. */
        NewOpportunity toOpportunity() {
            return new NewOpportunity(null, name, email, phone, street, city, postalCode, province, null, null,
                    "internal");
        }
    }

    /** Provinces the northern partners cover; the southern ones cover the rest but Reggio Calabria and Caltanissetta. */
    static final List<String> NORTH = List.of("MI", "TO", "BG", "BS", "VA", "GE", "BO", "VR");
    static final List<String> SOUTH = List.of("PA", "NA", "CT", "BA", "ME", "LE", "SR", "SA", "AG", "TA", "CS", "RG",
            "TP");

    private static final String[][] PEOPLE = {
            {"Mario Rossi", "Milano", "20121", "MI", "Via Torino 12"},
            {"Giuseppe Bianchi", "Palermo", "90133", "PA", "Via Maqueda 80"},
            {"Anna Ferrari", "Torino", "10121", "TO", "Corso Vittorio Emanuele II 5"},
            {"Francesca Russo", "Napoli", "80134", "NA", "Via Toledo 150"},
            {"Luca Romano", "Bergamo", "24121", "BG", "Via XX Settembre 3"},
            {"Chiara Colombo", "Catania", "95131", "CT", "Via Etnea 200"},
            {"Marco Ricci", "Brescia", "25121", "BS", "Corso Zanardelli 18"},
            {"Sara Marino", "Bari", "70121", "BA", "Via Sparano 44"},
            {"Davide Greco", "Varese", "21100", "VA", "Via Sacco 9"},
            {"Elena Bruno", "Messina", "98122", "ME", "Viale San Martino 61"},
            {"Paolo Gallo", "Genova", "16121", "GE", "Via XX Settembre 40"},
            {"Laura Conti", "Lecce", "73100", "LE", "Via Trinchese 15"},
            {"Andrea De Luca", "Bologna", "40121", "BO", "Via Indipendenza 22"},
            {"Martina Mancini", "Siracusa", "96100", "SR", "Corso Umberto 31"},
            {"Stefano Costa", "Verona", "37121", "VR", "Via Mazzini 7"},
            {"Giulia Giordano", "Salerno", "84121", "SA", "Corso Vittorio Emanuele 90"},
            {"Alessandro Rizzo", "Milano", "20122", "MI", "Corso di Porta Romana 50"},
            {"Valentina Lombardi", "Agrigento", "92100", "AG", "Via Atenea 120"},
            {"Roberto Moretti", "Torino", "10123", "TO", "Via Roma 250"},
            {"Federica Barbieri", "Reggio Calabria", "89125", "RC", "Corso Garibaldi 300"},
            {"Simone Fontana", "Bergamo", "24122", "BG", "Via Tasso 8"},
            {"Silvia Santoro", "Trapani", "91100", "TP", "Via Fardella 70"},
            {"Matteo Mariani", "Brescia", "25122", "BS", "Via Moretto 14"},
            {"Paola Rinaldi", "Cosenza", "87100", "CS", "Corso Mazzini 101"},
            {"Fabio Caruso", "Genova", "16122", "GE", "Via Assarotti 2"},
            {"Roberta Ferrara", "Ragusa", "97100", "RG", "Corso Italia 55"},
            {"Giorgio Galli", "Bologna", "40122", "BO", "Via Saragozza 33"},
            {"Alessia Martini", "Taranto", "74121", "TA", "Via D'Aquino 12"},
            {"Emanuele Leone", "Verona", "37122", "VR", "Corso Porta Nuova 19"},
            {"Ilaria Longo", "Caltanissetta", "93100", "CL", "Corso Vittorio Emanuele 46"},
    };

    private DemoCustomers() {
    }

    static List<Customer> take(int count) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] person = PEOPLE[i % PEOPLE.length];
            String name = i < PEOPLE.length ? person[0] : person[0] + " " + (i / PEOPLE.length + 1);
            String local = name.toLowerCase().replace("'", "").replace(' ', '.');
            String email = i % 9 == 4 ? null : local + "@posta.example"; // some never gave an address
            customers.add(new Customer(i, name, email, "+39 3" + String.format("%02d %07d", 30 + i % 60, 1000000 + i * 7919),
                    person[4], person[1], person[2], person[3]));
        }
        return customers;
    }
}
